import { mailTap, type TMail } from '../../src/mail/send-mail.js';

/**
 * Mails as sent, with their links whole (the outbox keeps links that carry secrets masked). Importing this module
 * starts the capture for the test file.
 */
const sent: TMail[] = [];
mailTap.deliver = (mail) => {
  sent.push(mail);
};

/** The last mail sent to an address, and the path of the first platform link in it. */
export function lastMailTo(to: string): { mail: TMail | undefined; link: string | undefined; count: number } {
  const mails = sent.filter((m) => m.to === to);
  const mail = mails.at(-1);
  const link = mail ? /https?:\/\/[^/\s]+(\/\S+)/.exec(mail.text)?.[1] : undefined;
  return { mail, link, count: mails.length };
}
