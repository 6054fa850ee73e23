import { MemoryTransport } from '../transport/memory.js';

/** The simulator's transport: the in-memory one, named so logs say where messages came from. */
export class SimulatorTransport extends MemoryTransport {
  override readonly name = 'simulator';
}

/** "6281234567890@s.whatsapp.net" → "6281234567890". */
export function chatDigits(chatId: string): string {
  const at = chatId.indexOf('@');
  return at === -1 ? chatId : chatId.slice(0, at);
}
