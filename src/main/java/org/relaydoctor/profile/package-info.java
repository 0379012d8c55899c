/// The account profile (shaped like Outlook's account dialog), its storage and its secrets.
package org.relaydoctor.profile;
