// The directory's export to XLSX through the store: the whole directory into a chosen folder as
// 企业库-YYYYMMDD.xlsx, nothing written when no folder is chosen, a refused write thrown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk } from '../../renderer/bridge';
import { useDirectoryStore } from '../../renderer/stores/directory';
import { freshDatabase } from './db-helpers';

const FENGZE = {
  name: '青溪丰泽钢构有限公司',
  creditCode: '',
  legalRep: '',
  contact: '',
  contactTitle: '',
  phone: '',
  industry: '制造业',
  street: '',
};

beforeEach(async () => {
  await freshDatabase();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('directory store: exportXlsx', () => {
  it('writes every enterprise into the chosen folder and says how many', async () => {
    const directory = useDirectoryStore();
    await directory.load();
    expect((await directory.save(FENGZE)).ok).toBe(true);
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({
      ok: true,
      value: { token: 't1', label: 'U盘' },
    });
    const save = vi.spyOn(desk.files, 'save').mockImplementation(async (request) => ({
      ok: true,
      value: { fileName: request.fileName, size: request.bytes.length, sha256: '' },
    }));

    const exported = await directory.exportXlsx();

    expect(save).toHaveBeenCalledOnce();
    const request = save.mock.calls[0]![0];
    expect(request.directoryToken).toBe('t1');
    expect(request.fileName).toMatch(/^企业库-\d{8}\.xlsx$/);
    // An XLSX is a zip: PK.
    expect([...request.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(exported).toEqual({ fileName: request.fileName, count: 1 });
  });

  it('writes nothing when no folder is chosen', async () => {
    const directory = useDirectoryStore();
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({ ok: true, value: null });
    const save = vi.spyOn(desk.files, 'save');
    expect(await directory.exportXlsx()).toBeUndefined();
    expect(save).not.toHaveBeenCalled();
  });

  it('throws when the file cannot be written', async () => {
    const directory = useDirectoryStore();
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({
      ok: true,
      value: { token: 't1', label: 'U盘' },
    });
    vi.spyOn(desk.files, 'save').mockResolvedValue({
      ok: false,
      error: { code: 'io_failed', message: '磁盘已满' },
    });
    await expect(directory.exportXlsx()).rejects.toThrow('磁盘已满');
  });
});
