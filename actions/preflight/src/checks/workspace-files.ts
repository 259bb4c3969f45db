/** The workspace as checks read it (injected: the real disk in main.ts and the CLI, a temp dir in tests). */
export interface WorkspaceFiles {
  /** The text of a file, relative to the workspace; undefined when there is none. */
  read(path: string): Promise<string | undefined>;
  /** Entry names of a directory, relative to the workspace; [] when there is none. */
  list(dir: string): Promise<string[]>;
  /** Whether a file or directory exists. */
  exists(path: string): Promise<boolean>;
}
