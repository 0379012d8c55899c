/// From evidence to verdict: reply classification, the verdict codes, fixes and their texts.
package org.relaydoctor.diagnosis;
