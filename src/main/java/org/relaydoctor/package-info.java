/// Relay Doctor's root: the build's facts about the program ({@link org.relaydoctor.AppInfo}).
package org.relaydoctor;
