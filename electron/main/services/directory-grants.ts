// Directories the user chose in a native dialog, by opaque token. The renderer can name a grant,
// never a path; grants live only as long as the main process.

/** The directory a token stands for, with what to show the user. */
export interface DirectoryGrant {
  token: string;
  label: string;
}

/** Tokens for user-chosen directories. */
export interface DirectoryGrants {
  grant(path: string): DirectoryGrant;
  resolve(token: string): string | undefined;
}

/** Make a grant table; `newToken` and `basename` are injectable for tests. */
export function createDirectoryGrants(
  newToken: () => string,
  basename: (path: string) => string,
): DirectoryGrants {
  const byToken = new Map<string, string>();
  return {
    grant(path) {
      for (const [token, known] of byToken)
        if (known === path) return { token, label: basename(path) || path };
      const token = newToken();
      byToken.set(token, path);
      return { token, label: basename(path) || path };
    },
    resolve(token) {
      return byToken.get(token);
    },
  };
}
