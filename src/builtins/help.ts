import { usage, helpList } from '../host/commands/format.js';
import { definePlugin, UsageError } from '../plugin-api.js';
import type { BuiltinServices } from './services.js';

/** !bantuan: the list of admin commands, or how to use one. */
export function helpPlugin({ commands, config }: BuiltinServices) {
  const prefix = config.commandPrefix;
  return definePlugin({
    name: 'help',
    description: 'Lists the admin commands and shows how to use each.',
    setup(api) {
      api
        .command({ name: 'bantuan', aliases: ['help'], help: 'Daftar semua perintah admin, atau cara pakai satu perintah.' })
        .form('', 'daftar semua perintah', (ctx) => ctx.reply(helpList(commands.list(), prefix)))
        .form('<perintah...>', `cara pakai satu perintah, misalnya ${prefix}bantuan sapaan`, (ctx, { perintah }) => {
          const wanted = perintah.startsWith(prefix) ? perintah.slice(prefix.length).trim() : perintah;
          const command = commands.find(wanted.split(/\s+/)[0] ?? '');
          if (!command) {
            const guess = commands.suggest(wanted.toLowerCase());
            throw new UsageError(`Perintah *${prefix}${wanted.toLowerCase()}* tidak ada.${guess ? ` Maksud Kakak *${prefix}${guess}*?` : ''}`);
          }
          ctx.reply(usage(command, prefix));
        });
    },
  });
}
