// Started by Alerts.DevStack instead of the azurite bin: the .NET host holds our stdin open, so when the host
// goes away for any reason (dispose, Ctrl+C, SIGTERM, even SIGKILL) stdin ends and Azurite exits with it.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
require('azurite/dist/src/azurite.js');
