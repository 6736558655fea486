// Browsers come from Debian's packages (see README); never download one during npm install.
module.exports = { skipDownload: true };
