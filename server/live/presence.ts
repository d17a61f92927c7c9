/** Who is viewing which insight thread or issue; one entry per socket. */
export class Presence {
  private readonly viewingBySocket = new Map<object, string>();
  private readonly socketsBySubject = new Map<string, Set<object>>();

  constructor(private readonly userOf: (socket: object) => { id: string; displayName: string }) {}

  /** Returns the subjects whose viewers changed. */
  set(socket: object, subject: string | null): string[] {
    const previous = this.viewingBySocket.get(socket) ?? null;
    if (previous === subject) return [];
    if (previous) {
      const set = this.socketsBySubject.get(previous);
      set?.delete(socket);
      if (set?.size === 0) this.socketsBySubject.delete(previous);
      this.viewingBySocket.delete(socket);
    }
    if (subject) {
      this.viewingBySocket.set(socket, subject);
      const set = this.socketsBySubject.get(subject) ?? new Set();
      set.add(socket);
      this.socketsBySubject.set(subject, set);
    }
    return [previous, subject].filter((s): s is string => s !== null);
  }

  /** Distinct people viewing a subject (a person with two tabs counts once). */
  viewers(subject: string): { id: string; displayName: string }[] {
    const people = new Map<string, { id: string; displayName: string }>();
    for (const socket of this.socketsBySubject.get(subject) ?? []) {
      const user = this.userOf(socket);
      people.set(user.id, user);
    }
    return [...people.values()];
  }
}
