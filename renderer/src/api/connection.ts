// How the panel is connected to the master; the banner and the loading states read this.
export type ConnectionStatus =
  | { state: 'connecting' }
  | { state: 'open' }
  | { state: 'reconnecting'; attempt: number; retryAt: number }
  | { state: 'unauthorized'; message: string };
