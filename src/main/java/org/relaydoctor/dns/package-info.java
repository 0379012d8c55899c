/// Every DNS fact: MX and providers, server names, SRV suggestions, SPF, reverse DNS, blocklists.
package org.relaydoctor.dns;
