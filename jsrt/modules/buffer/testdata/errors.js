try { Buffer.from({}) } catch (e) { console.log(require("util").inspect(e).split("\n")[0]); console.log(String(e)); }
