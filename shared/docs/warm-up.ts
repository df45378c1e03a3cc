/**
 * A throwaway document built once while the app is idle, so the first 交办单 of the day does not pay for loading
 * and compiling the document code (docx's packer, JSZip, the part fixes): the cold build measured 46–115 ms against
 * 60, the warm one a fraction of it. What is built is dropped.
 */
import { bodyPara, gbDocument, gbSection, packDocument, titlePara } from './gbt9704';

/** Build and pack a one-page document through every step a real one takes; resolves with its size. */
export async function warmUpDocuments(): Promise<number> {
  const doc = gbDocument({ title: '预热', creator: '恳谈会务台' }, [
    gbSection([titlePara('预热'), bodyPara(['“预热”〔2026〕1号，□满意　□基本满意　□不满意。'])]),
  ]);
  return (await packDocument(doc)).byteLength;
}
