// fast-xml-parser (ESM): parse with attributes, build back, validate.
import { XMLParser, XMLBuilder, XMLValidator } from 'fast-xml-parser';
const xml = `<?xml version="1.0"?>
<catalog>
  <book id="bk101" lang="en"><author>Gambardella, Matthew</author><price>44.95</price><tags><t>a</t><t>b</t></tags></book>
  <book id="bk102"><author>Ralls &amp; Kim</author><price>5</price><![CDATA[<raw>]]></book>
</catalog>`;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: true });
const obj = parser.parse(xml);
console.log(JSON.stringify(obj));
console.log(new XMLBuilder({ ignoreAttributes: false, format: true }).build({ root: { '@_v': '1', item: [1, 2], name: 'a<b' } }));
console.log(JSON.stringify(XMLValidator.validate('<a><b></a>')));
console.log(XMLValidator.validate(xml));
