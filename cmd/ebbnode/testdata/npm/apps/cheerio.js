// cheerio: load HTML, select, edit attributes, append, serialise.
const cheerio = require('cheerio');
const $ = cheerio.load('<ul id="fruits"><li class="apple">Apple</li><li class="orange">Orange &amp; co</li><li class="pear">Pear</li></ul>');
console.log($('.apple', '#fruits').text(), $('ul .pear').attr('class'), $('li').length);
$('li').each((i, el) => $(el).attr('data-i', String(i)));
$('ul').append('<li class="plum">Plum</li>');
console.log($.html('#fruits'));
console.log($('li').map((i, el) => $(el).text()).get().join(','), $('li:nth-child(2)').text());
