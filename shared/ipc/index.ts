/** The desk bridge contract: channel names, the API interface and request validators. */
export * from './channels';
export type * from './contract';
export {
  validateRequest,
  DESK_REQUESTS,
  fileNameSchema,
  folderNameSchema,
  recordIdSchema,
  MAX_FILE_BYTES,
  MAX_FILE_NAME_BYTES,
  MAX_EXPORT_FILES,
  MAX_EXPORT_BYTES,
  MAX_BACKUP_BYTES,
} from './validators';
