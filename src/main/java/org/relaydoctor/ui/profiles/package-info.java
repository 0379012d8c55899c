/// The profile list and the account editor shaped like Outlook's account dialog.
package org.relaydoctor.ui.profiles;
