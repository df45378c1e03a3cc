import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LSBLK_ARGS,
  NO_LABEL,
  parseLsblk,
  parseMacDf,
  parseWindowsDrives,
  WINDOWS_DRIVES_SCRIPT,
} from '../../../shared/export/drives';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/drives', name), 'utf8');

describe('parseWindowsDrives', () => {
  it('finds removable drives and USB disks that report DriveType 3, not the system disk, the DVD or an empty slot', () => {
    expect(parseWindowsDrives(fixture('windows-11.txt'))).toEqual([
      { label: 'KINGSTON', mount: 'E:', path: 'E:\\', freeBytes: 15023472640, sizeBytes: 15495856128 },
      { label: NO_LABEL, mount: 'F:', path: 'F:\\', freeBytes: 30920409088, sizeBytes: 31037849600 },
      { label: '工商联资料', mount: 'G:', path: 'G:\\', freeBytes: 412316860416, sizeBytes: 1000169484288 },
    ]);
  });

  it('reads one object (PowerShell 5.1 unwraps a single result) with a BOM, CRLF and sizes as strings', () => {
    expect(parseWindowsDrives(fixture('windows-one-stick.txt'))).toEqual([
      { label: '会务U盘', mount: 'E:', path: 'E:\\', freeBytes: 7516192768, sizeBytes: 7747397632 },
    ]);
  });

  it('reads empty output and an empty array as no drives, and refuses garbage', () => {
    expect(parseWindowsDrives('')).toEqual([]);
    expect(parseWindowsDrives('\uFEFF\r\n')).toEqual([]);
    expect(parseWindowsDrives('[]')).toEqual([]);
    expect(() => parseWindowsDrives('Get-CimInstance : 拒绝访问')).toThrow(SyntaxError);
  });

  it('asks PowerShell for UTF-8 first, and the script has no double quotes to be mangled', () => {
    expect(WINDOWS_DRIVES_SCRIPT.startsWith('[Console]::OutputEncoding=[Text.Encoding]::UTF8;')).toBe(true);
    expect(WINDOWS_DRIVES_SCRIPT).not.toContain('"');
    expect(WINDOWS_DRIVES_SCRIPT).toContain("BusType -eq 'USB'");
  });
});

describe('parseLsblk', () => {
  it('old util-linux (strings): the stick and the mounted partition of the USB disk; not the DVD or the unmounted partition', () => {
    expect(parseLsblk(fixture('lsblk-2.33.txt'))).toEqual([
      {
        label: NO_LABEL,
        mount: '/media/zhang/3A5F-1C2B',
        path: '/media/zhang/3A5F-1C2B',
        sizeBytes: 15498952704,
      },
      {
        label: '工商联资料',
        mount: '/media/zhang/工商联资料',
        path: '/media/zhang/工商联资料',
        sizeBytes: 500107862016,
      },
    ]);
  });

  it('new util-linux (typed values, mountpoints arrays): a stick without partitions; not the internal disk', () => {
    expect(parseLsblk(fixture('lsblk-2.39.txt'))).toEqual([
      {
        label: '会务U盘',
        mount: '/run/media/li/会务U盘',
        path: '/run/media/li/会务U盘',
        sizeBytes: 31037849600,
      },
    ]);
  });

  it('asks for bytes and JSON, and the columns it reads', () => {
    expect(LSBLK_ARGS).toEqual(['-J', '-b', '-o', 'NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,LABEL,SIZE,FSTYPE']);
    expect(parseLsblk('{"blockdevices": []}')).toEqual([]);
  });
});

describe('parseMacDf', () => {
  it('lists /dev/disk volumes under /Volumes: not the system, a network share or Time Machine', () => {
    expect(parseMacDf(fixture('macos-df.txt'))).toEqual([
      {
        label: 'KINGSTON',
        mount: '/Volumes/KINGSTON',
        path: '/Volumes/KINGSTON',
        freeBytes: 14670848 * 1024,
        sizeBytes: 15132672 * 1024,
      },
      {
        label: '工商联 资料',
        mount: '/Volumes/工商联 资料',
        path: '/Volumes/工商联 资料',
        freeBytes: 573828125 * 1024,
        sizeBytes: 976562500 * 1024,
      },
      {
        label: NO_LABEL,
        mount: '/Volumes/NO NAME',
        path: '/Volumes/NO NAME',
        freeBytes: 7565280 * 1024,
        sizeBytes: 7565312 * 1024,
      },
      {
        // Shown composed (NFC); the path stays as the system gave it.
        label: 'Zhang’s Café',
        mount: '/Volumes/Zhang’s Cafe\u0301',
        path: '/Volumes/Zhang’s Cafe\u0301',
        freeBytes: 1553124 * 1024,
        sizeBytes: 1953124 * 1024,
      },
    ]);
  });
});
