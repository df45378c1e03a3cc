/**
 * Removable drives from what each system's own tool prints. Pure parsers, so that the recorded
 * outputs in test/fixtures/drives/ check them; main runs the tools (electron/main/services/drives.ts).
 *
 * - Windows: PowerShell prints every Win32_LogicalDisk as JSON with a `BusType` of `USB` for letters
 *   on a USB-bus disk. A drive counts when DriveType is 2 (removable) or it sits on USB: USB hard
 *   disks and some sticks report DriveType 3. Empty card-reader slots (no size) do not count.
 * - Linux (UOS, Kylin): `lsblk -J -b -o NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,LABEL,SIZE,FSTYPE`. A disk is
 *   removable when rm or hotplug is set or tran is usb (old util-linux prints "1", new prints true);
 *   its partitions inherit that. Only mounted file systems count (`mountpoint`, or the
 *   `mountpoints` array of util-linux ≥ 2.37); optical discs and system mounts do not.
 * - macOS: `df -kP`. The boot volume is mounted at / (its /Volumes entry is only a link, which df
 *   does not list), so every /dev/disk… file system mounted under /Volumes/ counts. That is a stick,
 *   a card or an external disk; a mounted .dmg image also counts (it is read-only and says so when
 *   written to). Hidden mounts under /Volumes/ (Time Machine's) are left out. Chosen over
 *   `diskutil info -plist` per volume because one command gives the mounts and the free space.
 */

/** A drive found, with the path to write into. */
export interface DriveCandidate {
  /** The volume label, or 可移动磁盘. */
  label: string;
  /** Where it is, for the user: E:, /media/zhang/KINGSTON, /Volumes/KINGSTON. */
  mount: string;
  /** The directory to write into (E:\ on Windows: "E:" alone means E:'s current directory). */
  path: string;
  freeBytes?: number;
  sizeBytes?: number;
}

/** What a drive without a label is called. */
export const NO_LABEL = '可移动磁盘';

/** JSON from a tool: a UTF-8 BOM and surrounding blank lines are dropped; empty output is null. */
function parseJson(output: string): unknown {
  const text = output.replace(/^\uFEFF/, '').trim();
  return text === '' ? null : (JSON.parse(text) as unknown);
}

/** A byte count given as a number or a numeric string; anything else is unknown. */
function byteCount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** A yes from lsblk, old ("1") or new (true). */
const flag = (value: unknown) => value === true || value === 1 || value === '1';

const label = (value: unknown) => {
  const text = typeof value === 'string' ? value.normalize('NFC').trim() : '';
  return text === '' ? NO_LABEL : text;
};

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const withSpace = (c: DriveCandidate, free: number | undefined, size: number | undefined) => ({
  ...c,
  ...(free !== undefined ? { freeBytes: free } : {}),
  ...(size !== undefined ? { sizeBytes: size } : {}),
});

/** The PowerShell script whose output `parseWindowsDrives` reads (no double quotes: see drives service). */
export const WINDOWS_DRIVES_SCRIPT = [
  '[Console]::OutputEncoding=[Text.Encoding]::UTF8',
  '$usb=@()',
  // Get-Disk needs the Storage module; without it DriveType 2 still finds ordinary sticks.
  "try{$usb=@(Get-Disk -ErrorAction Stop|Where-Object BusType -eq 'USB'|Get-Partition|Where-Object{[string]$_.DriveLetter -match '^[A-Za-z]$'}|ForEach-Object{[string]$_.DriveLetter+':'})}catch{}",
  "$disks=@(Get-CimInstance Win32_LogicalDisk|Select-Object DeviceID,VolumeName,DriveType,FileSystem,FreeSpace,Size,@{n='BusType';e={if($usb -contains $_.DeviceID){'USB'}else{''}}})",
  'ConvertTo-Json -InputObject $disks -Compress',
].join(';');

/** Removable drives from the PowerShell output (one object or an array of Win32_LogicalDisk). */
export function parseWindowsDrives(output: string): DriveCandidate[] {
  const parsed = parseJson(output);
  const disks = parsed === null ? [] : Array.isArray(parsed) ? parsed : [parsed];
  const drives: DriveCandidate[] = [];
  for (const disk of disks.map(record)) {
    const id = typeof disk['DeviceID'] === 'string' ? disk['DeviceID'].toUpperCase() : '';
    if (!/^[A-Z]:$/.test(id)) continue;
    const onUsb = String(disk['BusType'] ?? '').toUpperCase() === 'USB';
    if (Number(disk['DriveType']) !== 2 && !onUsb) continue;
    const size = byteCount(disk['Size']);
    // A card reader's empty slot: a letter with no medium behind it.
    if (!size) continue;
    drives.push(
      withSpace(
        { label: label(disk['VolumeName']), mount: id, path: `${id}\\` },
        byteCount(disk['FreeSpace']),
        size,
      ),
    );
  }
  return drives.sort((a, b) => a.mount.localeCompare(b.mount));
}

/** The lsblk arguments `parseLsblk` expects (bytes, JSON; MOUNTPOINT works on old and new lsblk). */
export const LSBLK_ARGS = ['-J', '-b', '-o', 'NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,LABEL,SIZE,FSTYPE'] as const;

const SYSTEM_MOUNT = /^(\/|\/boot(\/.*)?|\/home|\/usr|\/var|\/opt|\/srv|\/tmp|\[SWAP\])$/;
const READ_ONLY_FS = new Set(['iso9660', 'udf', 'squashfs']);

function mountsOf(device: Record<string, unknown>): string[] {
  const many = Array.isArray(device['mountpoints']) ? device['mountpoints'] : [device['mountpoint']];
  return many.filter((m): m is string => typeof m === 'string' && m.startsWith('/'));
}

/** Removable drives from `lsblk -J` output: mounted file systems on removable or USB disks. */
export function parseLsblk(output: string): DriveCandidate[] {
  const devices = record(parseJson(output))['blockdevices'];
  const drives: DriveCandidate[] = [];
  const visit = (device: Record<string, unknown>, removableParent: boolean) => {
    const removable =
      removableParent ||
      flag(device['rm']) ||
      flag(device['hotplug']) ||
      String(device['tran'] ?? '').toLowerCase() === 'usb';
    const name = String(device['name'] ?? '');
    const fsType = String(device['fstype'] ?? '').toLowerCase();
    if (removable && !name.startsWith('sr') && !READ_ONLY_FS.has(fsType)) {
      for (const mount of mountsOf(device)) {
        if (SYSTEM_MOUNT.test(mount)) continue;
        drives.push(
          withSpace(
            { label: label(device['label']), mount, path: mount },
            undefined,
            byteCount(device['size']),
          ),
        );
      }
    }
    const children = device['children'];
    if (Array.isArray(children)) for (const child of children) visit(record(child), removable);
  };
  if (Array.isArray(devices)) for (const device of devices) visit(record(device), false);
  return drives;
}

/** The df arguments `parseMacDf` expects (1024-byte blocks, one line per file system). */
export const DF_ARGS = ['-kP'] as const;

const DF_LINE = /^(.+?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)%\s+(\/.*)$/;
// macOS names a FAT volume without a label NO NAME, and an unnamed one Untitled.
const DEFAULT_MAC_NAMES = new Set(['NO NAME', 'Untitled']);

/** External volumes from macOS `df -kP`: /dev/disk… file systems mounted under /Volumes/. */
export function parseMacDf(output: string): DriveCandidate[] {
  const drives: DriveCandidate[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = DF_LINE.exec(line.trim());
    if (!match) continue;
    const [, device = '', blocks = '0', , available = '0', , mount = ''] = match;
    if (!device.startsWith('/dev/disk') || !mount.startsWith('/Volumes/')) continue;
    const name = mount.slice('/Volumes/'.length);
    if (name === '' || name.startsWith('.') || name.includes('/') || name.startsWith('com.apple.')) continue;
    const shown = name.normalize('NFC');
    drives.push(
      withSpace(
        { label: DEFAULT_MAC_NAMES.has(shown) ? NO_LABEL : shown, mount, path: mount },
        Number(available) * 1024,
        Number(blocks) * 1024,
      ),
    );
  }
  return drives;
}
