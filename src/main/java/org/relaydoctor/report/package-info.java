/// Exports of a check result: HTML, PDF, text, JSON and an e-mail draft for the provider.
package org.relaydoctor.report;
