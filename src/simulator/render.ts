/**
 * Shows WhatsApp formatting in a terminal: *bold*, _italic_, ~strike~ and ```monospace```.
 * Without colours (not a terminal, or NO_COLOR set) the marks are simply removed.
 */
export function renderWhatsApp(text: string, colour: boolean): string {
  const rules: Array<[RegExp, string, string]> = [
    [/```([\s\S]+?)```/g, '\x1b[2m', '\x1b[22m'],
    [/(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=$|[\s).,!?:;])/gm, '\x1b[1m', '\x1b[22m'],
    [/(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=$|[\s).,!?:;])/gm, '\x1b[3m', '\x1b[23m'],
    [/(^|[\s(])~(\S(?:[^~\n]*\S)?)~(?=$|[\s).,!?:;])/gm, '\x1b[9m', '\x1b[29m'],
  ];
  let out = text;
  for (const [re, on, off] of rules) {
    out = out.replace(re, (...m: string[]) => {
      if (re.source.startsWith('```')) return colour ? `${on}${m[1]}${off}` : (m[1] ?? '');
      return `${m[1]}${colour ? on : ''}${m[2]}${colour ? off : ''}`;
    });
  }
  return out;
}
