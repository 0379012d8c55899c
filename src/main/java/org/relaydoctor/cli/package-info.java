/// The command line: `relay-doctor check | explain | dns | profiles | demo`, built with picocli.
package org.relaydoctor.cli;
