// Dropped files and folders in the browser: folders are walked through webkitGetAsEntry entries, sizes are
// checked before anything is read, and a file that cannot be read is reported on its own.
import { describe, expect, it } from 'vitest';
import { filesOfEntries, readBrowserFile, readFound, type FileEntryLike } from '../../../../renderer/host/browserFiles';
import { isImportableName, MAX_FOLDER_FILES } from '../../../../shared/import';

function fileEntry(path: string, size: number, gone = false): FileEntryLike {
  const name = path.split('/').pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath: `/${path}`,
    file: (ok, fail) => (gone ? fail?.(new DOMException('gone', 'NotFoundError')) : ok(new File([new Uint8Array(size)], name))),
  };
}

function dirEntry(path: string, children: FileEntryLike[]): FileEntryLike {
  let served = false;
  return {
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop()!,
    fullPath: `/${path}`,
    // Two batches, then an empty one, as browsers give them.
    createReader: () => {
      let calls = 0;
      return {
        readEntries: (ok) => {
          calls++;
          served = true;
          ok(calls === 1 ? children.slice(0, 2) : calls === 2 ? children.slice(2) : []);
        },
      };
    },
    get served() {
      return served;
    },
  } as FileEntryLike;
}

describe('files dropped on the window', () => {
  it('expands a dropped folder into its importable files, sub-folders included', async () => {
    const folder = dirEntry('区民政局', [
      fileEntry('区民政局/概况.txt', 3),
      fileEntry('区民政局/照片.jpg', 3),
      dirEntry('区民政局/2021', [fileEntry('区民政局/2021/养老.docx', 4), fileEntry('区民政局/2021/~$养老.docx', 1)]),
      fileEntry('区民政局/.DS_Store', 1),
      fileEntry('区民政局/社会救助.html', 5),
    ]);
    const { files, folders } = await filesOfEntries([folder, fileEntry('单独.txt', 2)], isImportableName);
    expect(files.map((f) => f.relativePath ?? f.name)).toEqual(['区民政局/2021/养老.docx', '区民政局/概况.txt', '区民政局/社会救助.html', '单独.txt']);
    expect(folders).toEqual([{ name: '区民政局', count: 3, truncated: false }]);
  });

  it('takes at most MAX_FOLDER_FILES from a folder and says it held more', async () => {
    const many = Array.from({ length: MAX_FOLDER_FILES + 5 }, (_, i) => fileEntry(`全部/稿件${String(i).padStart(5, '0')}.txt`, 1));
    const { files, folders } = await filesOfEntries([dirEntry('全部', many)], isImportableName);
    expect(files).toHaveLength(MAX_FOLDER_FILES);
    expect(folders).toEqual([{ name: '全部', count: MAX_FOLDER_FILES, truncated: true }]);
  });

  it('never reads a file larger than its limit, and reports one the browser cannot give', async () => {
    const big = new File([new Uint8Array(300)], '全书.txt');
    big.arrayBuffer = () => Promise.reject(new Error('read before the size check'));
    expect(await readBrowserFile(big, { maxBytes: 100 })).toMatchObject({ name: '全书.txt', size: 300, bytes: new Uint8Array(), error: { reason: 'too-large', size: 300, limit: 100 } });
    const docx = new File([new Uint8Array(300)], '稿件.docx');
    expect((await readBrowserFile(docx, { maxBytes: 100, maxBytesByExtension: { docx: 1000 } })).bytes).toHaveLength(300);
    const { files } = await filesOfEntries([fileEntry('不见了.txt', 1, true)], () => true);
    expect(await readFound(files[0]!, {})).toMatchObject({ name: '不见了.txt', error: { reason: 'unreadable', message: '文件已被移动、删除或无权访问' } });
  });
});
