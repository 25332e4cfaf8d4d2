console.log("ok");
function f() {
  return 1 +;
}
