package engine

import (
	"errors"
	"strings"
	"sync"
	"unicode"
)

// errPropertyName is V8's complaint about an unknown \p{...}.
var errPropertyName = errors.New("Invalid property name")

// gcNames maps the General_Category values ECMAScript accepts (long
// names and aliases) to the short names of the tables.
var gcNames = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
	"Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo",
	"Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc",
	"Enclosing_Mark": "Me", "Number": "N", "Decimal_Number": "Nd", "digit": "Nd",
	"Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P", "punct": "P",
	"Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd", "Open_Punctuation": "Ps",
	"Close_Punctuation": "Pe", "Initial_Punctuation": "Pi", "Final_Punctuation": "Pf",
	"Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc",
	"Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs",
	"Line_Separator": "Zl", "Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc",
	"cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs", "Private_Use": "Co", "Unassigned": "Cn",
}

// scriptAliases are the ISO 15924 codes of common scripts (the tables
// name scripts by their long names).
var scriptAliases = map[string]string{
	"Arab": "Arabic", "Armn": "Armenian", "Beng": "Bengali", "Bopo": "Bopomofo",
	"Brai": "Braille", "Cans": "Canadian_Aboriginal", "Cher": "Cherokee", "Copt": "Coptic",
	"Qaac": "Coptic", "Cyrl": "Cyrillic", "Deva": "Devanagari", "Ethi": "Ethiopic",
	"Geor": "Georgian", "Goth": "Gothic", "Grek": "Greek", "Gujr": "Gujarati",
	"Guru": "Gurmukhi", "Hang": "Hangul", "Hani": "Han", "Hebr": "Hebrew", "Hira": "Hiragana",
	"Kana": "Katakana", "Khmr": "Khmer", "Knda": "Kannada", "Laoo": "Lao", "Latn": "Latin",
	"Mlym": "Malayalam", "Mong": "Mongolian", "Mymr": "Myanmar", "Ogam": "Ogham",
	"Orya": "Oriya", "Runr": "Runic", "Sinh": "Sinhala", "Syrc": "Syriac", "Taml": "Tamil",
	"Telu": "Telugu", "Tfng": "Tifinagh", "Thaa": "Thaana", "Thai": "Thai", "Tibt": "Tibetan",
	"Yiii": "Yi", "Zyyy": "Common", "Zinh": "Inherited", "Qaai": "Inherited",
}

// binaryAliases are the short names of binary properties.
var binaryAliases = map[string]string{
	"AHex": "ASCII_Hex_Digit", "Alpha": "Alphabetic", "Bidi_C": "Bidi_Control",
	"Bidi_M": "Bidi_Mirrored", "CI": "Case_Ignorable", "CWCF": "Changes_When_Casefolded",
	"CWCM": "Changes_When_Casemapped", "CWKCF": "Changes_When_NFKC_Casefolded",
	"CWL": "Changes_When_Lowercased", "CWT": "Changes_When_Titlecased",
	"CWU": "Changes_When_Uppercased", "DI": "Default_Ignorable_Code_Point", "Dep": "Deprecated",
	"Dia": "Diacritic", "EBase": "Emoji_Modifier_Base", "EComp": "Emoji_Component",
	"EMod": "Emoji_Modifier", "EPres": "Emoji_Presentation", "Ext": "Extender",
	"ExtPict": "Extended_Pictographic", "Gr_Base": "Grapheme_Base", "Gr_Ext": "Grapheme_Extend",
	"Hex": "Hex_Digit", "IDC": "ID_Continue", "IDS": "ID_Start", "IDSB": "IDS_Binary_Operator",
	"IDST": "IDS_Trinary_Operator", "Ideo": "Ideographic", "Join_C": "Join_Control",
	"LOE": "Logical_Order_Exception", "Lower": "Lowercase", "NChar": "Noncharacter_Code_Point",
	"Pat_Syn": "Pattern_Syntax", "Pat_WS": "Pattern_White_Space", "QMark": "Quotation_Mark",
	"RI": "Regional_Indicator", "SD": "Soft_Dotted", "STerm": "Sentence_Terminal",
	"Term": "Terminal_Punctuation", "UIdeo": "Unified_Ideograph", "Upper": "Uppercase",
	"VS": "Variation_Selector", "space": "White_Space", "XIDC": "XID_Continue",
	"XIDS": "XID_Start",
}

var (
	propMu    sync.Mutex
	propCache = map[string][][2]rune{}
)

// property is the set of code points of a \p{name} escape.
func property(name string) ([][2]rune, error) {
	propMu.Lock()
	defer propMu.Unlock()
	if rs, ok := propCache[name]; ok {
		return rs, nil
	}
	rs, err := lookupProperty(name)
	if err != nil {
		return nil, err
	}
	propCache[name] = rs
	return rs, nil
}

func lookupProperty(name string) ([][2]rune, error) {
	if key, value, ok := strings.Cut(name, "="); ok {
		switch key {
		case "General_Category", "gc":
			return category(value)
		case "Script", "sc", "Script_Extensions", "scx":
			// Go has no Script_Extensions data: scx is read as sc.
			return script(value)
		}
		return nil, errPropertyName
	}
	if rs, err := category(name); err == nil {
		return rs, nil
	}
	return binary(name)
}

// generated is a table of tables_gen.go as [lo, hi] pairs.
func generated(t []rune) [][2]rune {
	out := make([][2]rune, 0, len(t)/2)
	for i := 0; i+1 < len(t); i += 2 {
		out = append(out, [2]rune{t[i], t[i+1]})
	}
	return out
}

// gcGroups are the General_Category values that are unions of others.
var gcGroups = map[string][]string{
	"L":  {"Lu", "Ll", "Lt", "Lm", "Lo"},
	"LC": {"Lu", "Ll", "Lt"},
	"M":  {"Mn", "Mc", "Me"},
	"N":  {"Nd", "Nl", "No"},
	"P":  {"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"},
	"S":  {"Sm", "Sc", "Sk", "So"},
	"Z":  {"Zs", "Zl", "Zp"},
	"C":  {"Cc", "Cf", "Cs", "Co", "Cn"},
}

func category(name string) ([][2]rune, error) {
	if n, ok := gcNames[name]; ok {
		name = n
	}
	if parts, ok := gcGroups[name]; ok {
		var sets [][][2]rune
		for _, p := range parts {
			sets = append(sets, generated(gcTables[p]))
		}
		return union(sets...), nil
	}
	if t, ok := gcTables[name]; ok {
		return generated(t), nil
	}
	return nil, errPropertyName
}

func script(name string) ([][2]rune, error) {
	if n, ok := scriptAliases[name]; ok {
		name = n
	}
	if t, ok := scriptTables[name]; ok {
		return generated(t), nil
	}
	return nil, errPropertyName
}

func binary(name string) ([][2]rune, error) {
	if n, ok := binaryAliases[name]; ok {
		name = n
	}
	switch name {
	case "Any":
		return [][2]rune{{0, unicode.MaxRune}}, nil
	case "ASCII":
		return [][2]rune{{0, 0x7f}}, nil
	case "Assigned":
		return complement(generated(gcTables["Cn"])), nil
	}
	if t, ok := binaryTables[name]; ok {
		return generated(t), nil
	}
	return nil, errPropertyName
}
