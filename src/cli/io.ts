/** Where a command writes: stdout, stderr, and whether stderr is a terminal (colours, code frames, progress). */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  tty: boolean;
}
