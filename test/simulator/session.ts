/** A session typed into the interactive simulator: customers, the owner, a jump of the clock, a photo, mistakes, and /quit. */
export const SESSION = [
  '/as 081234567890 Rina',
  'halo',
  '2',
  '/owner',
  '!sapaan hari 2',
  '/as 081234567890 Rina',
  '/time 2026-12-04 09:00',
  'halo lagi',
  '/photo test/fixtures/mawar.png untuk lamaran adik saya',
  '/time 2020-01-01 09:00',
  '/as 12',
  '/bogus',
  '/quit',
  'never sent',
];
