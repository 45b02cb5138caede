// Identity of the .meterplan format (SQLite "PRAGMA application_id" and "PRAGMA user_version").

/** 'MTRP' in ASCII: written at offset 68 of the SQLite header, so `file(1)` and we can tell our files apart. */
export const APPLICATION_ID = 0x4d545250;
export const PROJECT_EXTENSION = '.meterplan';

/** Offsets in the 100-byte SQLite database header (https://www.sqlite.org/fileformat.html §1.3). */
export const HEADER = {
  size: 100,
  magic: 'SQLite format 3\u0000',
  pageSizeOffset: 16,
  changeCounterOffset: 24,
  pageCountOffset: 28,
  userVersionOffset: 60,
  versionValidForOffset: 92,
  applicationIdOffset: 68,
} as const;
