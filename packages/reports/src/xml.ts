/**
 * Streaming XML through saxes: no DTD is read, no entity beyond XML's five predefined ones is
 * expanded (an undefined one is an error), a DOCTYPE is accepted and ignored. Elements are counted
 * against the entry cap. The format is chosen from the first elements, then its handler sees them all.
 */
import { SaxesParser } from 'saxes';
import { ReportInputError } from './deps';

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attributes): void;
  close(name: string): void;
  text?(text: string): void;
}

export interface OpenElement {
  name: string;
  attrs: Attributes;
}

/**
 * Called with the open elements (root first) at each start tag until it returns a handler; the
 * elements seen so far are then replayed to it. Throws ReportInputError for an unknown document.
 */
export type XmlChooser = (open: readonly OpenElement[]) => XmlHandler | undefined;

export async function parseXml(
  chunks: AsyncIterable<string>,
  choose: XmlChooser,
  maxEntries: number,
): Promise<void> {
  const parser = new SaxesParser({ position: false });
  let handler: XmlHandler | undefined;
  const pending: OpenElement[] = [];
  let elements = 0;
  parser.on('error', (error) => {
    const message = error.message;
    if (/undefined entity/.test(message)) {
      throw new ReportInputError(
        `uses an entity XML does not predefine (${message}): entities are never expanded and DTDs never read`,
      );
    }
    throw new ReportInputError(`is not well-formed XML (truncated?): ${message}`);
  });
  parser.on('opentag', (node) => {
    elements++;
    if (elements > maxEntries) throw new ReportInputError(`has over ${maxEntries} XML elements: stopped`);
    const attrs = node.attributes as Attributes;
    if (handler) {
      handler.open(node.name, attrs);
      return;
    }
    pending.push({ name: node.name, attrs });
    handler = choose(pending);
    if (handler) for (const element of pending) handler.open(element.name, element.attrs);
  });
  parser.on('closetag', (node) => {
    if (handler) handler.close(node.name);
    else pending.pop();
  });
  parser.on('text', (text) => handler?.text?.(text));
  parser.on('cdata', (text) => handler?.text?.(text));
  for await (const chunk of chunks) parser.write(chunk);
  parser.close();
  if (!handler)
    throw new ReportInputError('is XML but no report format qeml knows (no recognised root element)');
}
