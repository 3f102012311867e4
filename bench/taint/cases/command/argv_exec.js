// label: vulnerable command
const { execSync } = require("child_process");

const branch = process.argv[2];
execSync("git checkout " + branch + " && npm run build", { stdio: "inherit" });
