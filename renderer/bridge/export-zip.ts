// The browser build's export: a browser cannot see USB drives or write into folders, so the same
// files and the same 清单 go into one .zip the browser downloads. Unzipped, it is the folder that
// main would have written.
import JSZip from 'jszip';
import { manifestBytes, manifestText } from '../../shared/export/manifest';
import type { ExportedFile, ExportReport, ExportRequest } from '../../shared/ipc/contract';
import { sha256Hex } from './sha256';

/** The zip for an export: `${folderName}.zip` holding `${folderName}/…` and the manifest. */
export async function buildExportZip(
  request: Pick<ExportRequest, 'folderName' | 'files' | 'manifestName' | 'attestation'>,
  createdAt: Date,
): Promise<{ zipName: string; zip: Uint8Array; report: ExportReport }> {
  const zipName = `${request.folderName}.zip`;
  const zip = new JSZip();
  const folder = zip.folder(request.folderName);
  if (!folder) throw new Error('zip folder');
  const files: ExportedFile[] = [];
  for (const { fileName, bytes } of request.files) {
    folder.file(fileName, bytes, { date: createdAt });
    files.push({ fileName, ok: true, size: bytes.byteLength, sha256: await sha256Hex(bytes) });
  }
  const manifest = manifestBytes(
    manifestText({
      createdAt,
      location: zipName,
      files,
      ...(request.attestation ? { attestation: request.attestation } : {}),
    }),
  );
  folder.file(request.manifestName, manifest, { date: createdAt });
  // .docx is already deflated inside: storing is as small and much faster.
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  return {
    zipName,
    zip: bytes,
    report: {
      location: zipName,
      files,
      manifest: {
        fileName: request.manifestName,
        ok: true,
        size: manifest.byteLength,
        sha256: await sha256Hex(manifest),
      },
    },
  };
}
