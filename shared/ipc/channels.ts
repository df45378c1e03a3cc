/**
 * Channel names of the desk bridge, `desk:<concern>:<verb>`. Kept free of zod so the sandboxed
 * preload bundle stays small: it needs the names, main needs the validators.
 */

/** Every concern and verb of the desk API with its channel name. */
export const DESK_CHANNELS = {
  app: {
    info: 'desk:app:info',
    notices: 'desk:app:notices',
    flushed: 'desk:app:flushed',
  },
  files: {
    chooseDirectory: 'desk:files:chooseDirectory',
    save: 'desk:files:save',
  },
  export: {
    listDrives: 'desk:export:listDrives',
    write: 'desk:export:write',
  },
  projector: {
    open: 'desk:projector:open',
    close: 'desk:projector:close',
  },
  backup: {
    status: 'desk:backup:status',
    write: 'desk:backup:write',
    read: 'desk:backup:read',
    saveTo: 'desk:backup:saveTo',
    openFile: 'desk:backup:openFile',
    note: 'desk:backup:note',
  },
} as const;

/**
 * The one message main sends on its own: save what is unsaved now (the app is quitting, the session ends, the
 * machine shuts down). The renderer answers with `app.flushed` and the request's id.
 */
export const FLUSH_EVENT_CHANNEL = 'desk:event:flush';

/** A concern of the desk API (`app`, `files` …). */
export type DeskConcern = keyof typeof DESK_CHANNELS;
/** The verbs of one concern. */
export type DeskVerb<C extends DeskConcern> = keyof (typeof DESK_CHANNELS)[C] & string;

/** All channel names, for checks that a channel is ours. */
export const ALL_DESK_CHANNELS: readonly string[] = Object.values(DESK_CHANNELS).flatMap((verbs) =>
  Object.values(verbs),
);
