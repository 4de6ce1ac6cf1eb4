// The baseline of `npm run bench:host`: an extension whose activate() does nothing, activated
// the same way and in the same window as NiamonX Tools (a main module, an onLanguage event).
'use strict';

exports.activate = () => ({});
exports.deactivate = () => undefined;
