/// The command line: `relay-doctor check | explain | dns | profiles | demo`, parsed with Apache Commons CLI.
package org.relaydoctor.cli;
