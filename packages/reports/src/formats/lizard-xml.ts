/**
 * lizard's XML (`lizard --xml`, cppncss style): `<measure type="Function">` with `<labels>` naming
 * the value columns and one `<item name="func(...) at path:line">` per function; the CCN column is
 * the cyclomatic complexity.
 */
import type { ComplexityItem } from '../model';
import type { XmlHandler } from '../xml';
import { CappedList, type ParseContext, type Parsed, type XmlFormat } from './context';

export function lizardXmlHandler(context: ParseContext): XmlHandler & XmlFormat {
  const items = new CappedList<ComplexityItem>(context.limits.maxItems);
  let inFunctions = false;
  let labels: string[] = [];
  let values: string[] = [];
  let itemName: string | undefined;
  let textTarget: 'label' | 'value' | undefined;
  let text = '';
  return {
    open(name, attrs) {
      if (name === 'measure') {
        inFunctions = attrs.type === 'Function';
        labels = [];
      } else if (!inFunctions) return;
      else if (name === 'label' || name === 'value') {
        textTarget = name;
        text = '';
      } else if (name === 'item') {
        itemName = attrs.name;
        values = [];
      }
    },
    close(name) {
      if (name === 'measure') inFunctions = false;
      if (!inFunctions) return;
      if (name === 'label') labels.push(text.trim());
      else if (name === 'value') values.push(text.trim());
      else if (name === 'item' && itemName !== undefined) {
        const ccn = Number(values[labels.indexOf('CCN')]);
        const where = /^(.*) at (.*):(\d+)$/.exec(itemName);
        if (Number.isFinite(ccn) && where) {
          items.push({
            name: where[1]!.replace(/\(\.\.\.\)$/, ''),
            path: where[2]!.replace(/\\/g, '/'),
            line: Number(where[3]),
            complexity: ccn,
          });
        }
        itemName = undefined;
      }
      textTarget = undefined;
    },
    text(chunk) {
      if (textTarget) text += chunk;
    },
    result(): Parsed {
      items.warn(context.warnings, 'functions');
      return { format: 'lizard-xml', complexity: items.items };
    },
  };
}
