package messenger

import (
	"bytes"
	"testing"
)

// FuzzDecodeFrame feeds arbitrary bytes to the frame reader and to every
// message decoder. Nothing may panic, and whatever decodes must re-encode
// to exactly the bytes it came from (each message has one encoding).
// The seed corpus is one valid frame of every message type, plus the files
// in testdata/fuzz/FuzzDecodeFrame.
func FuzzDecodeFrame(f *testing.F) {
	var types []Type
	for i, m := range sampleMessages() {
		types = append(types, m.Type())
		var buf bytes.Buffer
		if err := NewWriter(&buf).WriteMessage(m.Type(), uint32(i), Encode(m)); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		for {
			typ, _, payload, err := ReadMessage(r)
			if err != nil {
				break
			}
			checkDecode(t, typ, payload)
		}
		for _, typ := range types {
			checkDecode(t, typ, data)
		}
	})
}

func checkDecode(t *testing.T, typ Type, payload []byte) {
	m, err := Decode(typ, payload)
	if err != nil {
		return
	}
	if m.Type() != typ {
		t.Fatalf("Decode(%v) returned a %v", typ, m.Type())
	}
	if got := Encode(m); !bytes.Equal(got, payload) {
		t.Fatalf("%v: re-encoded %x, decoded from %x", typ, got, payload)
	}
}
