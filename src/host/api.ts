import { describeOpening, nextOpening, isOpen } from '../hours.js';
import { startOfDay } from '../time.js';
import { todayKey } from '../hours.js';
import type { CommandHandler } from './commands/runner.js';
import type { MessageContext } from './context.js';
import type { HostServices, PluginSite, Runtime } from './runtime.js';
import type { CommandBuilder, PluginApi } from './types.js';

const DAY_MS = 86_400_000;

/**
 * The API one plugin gets: its own state and texts, the shop's menu, hours and media, and ways to
 * add middleware, commands, jobs and event handlers. Built once per plugin, at setup.
 */
export function makeApi(rt: Runtime, host: PluginSite, services: HostServices): PluginApi {
  const { config, clock, store, texts, menu, media, scheduler, owners, activity, privacy, reader } = services;
  const tz = config.timeZone;
  const api: PluginApi = {
    log: services.logger.child({ plugin: rt.name }),
    clock,
    timeZone: tz,
    commandPrefix: config.commandPrefix,
    state: rt.state,
    texts: {
      get: (k) => texts.get(k),
      render: (k, v, language) => texts.render(k, v, language),
      fill: (t, v) => texts.fill(t, v),
      set: (k, v) => (texts.def(k)?.plugin === rt.name ? texts.set(k, v) : { ok: false, reason: `teks "${k}" bukan milik plugin ${rt.name}` }),
    },
    menu: {
      render: (language) => menu.render(language),
      items: () => menu.items(),
      claim: (id) => menu.claim(rt.name, id),
      owner: (id) => menu.owner(id),
      update: (fn) => menu.update(fn),
    },
    hours: {
      get: () => store.data.hours,
      isOpen: (t = clock.now()) => isOpen(store.data.hours, t, tz),
      nextOpening: (t = clock.now()) => nextOpening(store.data.hours, t, tz),
      describeNextOpening: (t = clock.now()) => describeOpening(nextOpening(store.data.hours, t, tz), t, tz),
      setClosure: (closure) => {
        store.data.hours.closure = closure;
        store.changed();
      },
    },
    media: { save: (image, prefix) => media.save(image, prefix), path: (rel) => media.path(rel) },
    use: (mw) => {
      if (rt.middleware) throw new Error(`plugin ${rt.name} added middleware twice; a plugin has one step in the chain`);
      rt.middleware = mw;
    },
    command: (spec) => {
      const command = host.commands.add(rt.name, spec);
      const builder: CommandBuilder<unknown, unknown> = {
        form: (syntax, help, run, options) => {
          // The matcher gives the arguments the syntax declares; ArgsOf<syntax> is their type.
          host.commands.addForm(command, syntax, help, run as unknown as CommandHandler<MessageContext>, options);
          return builder;
        },
      };
      return builder;
    },
    schedule: (name, cron, fn) => scheduler.add(`${rt.name}.${name}`, cron, (job) => fn(job)),
    on: (event, fn) => {
      // the event map gives each event its handler's type; the list is the event's own
      (rt.on[event] as unknown[]).push(fn);
    },
    chat: (chatId) => host.chat(rt, chatId),
    notifyOwners: (message) => owners.notify(message),
    flush: () => store.flush(),
    privacy: (handler) => privacy.add(rt.name, handler),
    report: (fn) => void rt.reports.push(fn),
    summary: (from, to) => {
      let messages = 0;
      let newCustomers = 0;
      // each local day the period touches, counted once (noon is inside the day whatever the offset)
      for (let t = startOfDay(from, tz) + DAY_MS / 2; t < to; t += DAY_MS) {
        const day = activity.day(todayKey(t, tz));
        messages += day.messages;
        newCustomers += day.newCustomers;
      }
      return { messages, newCustomers, lines: host.reports(from, to) };
    },
    recognise: (key, fn) => reader.add(key, fn),
    vocabulary: (words) => reader.learn(words, { whole: true }),
    read: (text) => reader.read(text),
    learn: (examples) => reader.teach(examples.map((e) => [e.label, e.text] as const)),
  };
  return api;
}
