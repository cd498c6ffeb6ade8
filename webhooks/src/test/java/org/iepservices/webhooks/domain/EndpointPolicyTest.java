package org.iepservices.webhooks.domain;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EndpointPolicyTest {

    /** A fixed DNS: no network in unit tests. */
    private static InetAddress[] dns(String host) {
        Map<String, String> names = Map.of("sis.district.org", "93.184.216.34", "intranet.district.org", "10.1.2.3",
                "metadata.example", "169.254.169.254", "localhost", "127.0.0.1", "v6.example", "fd00::1",
                "mapped.example", "::ffff:192.168.1.1");
        String address = names.get(host);
        if (address == null && !host.matches("[0-9a-f.:\\[\\]]+")) {
            return new InetAddress[0];
        }
        try {
            return new InetAddress[]{InetAddress.getByName(address != null ? address : host.replace("[", "").replace("]", ""))};
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    private final EndpointPolicy production = new EndpointPolicy(false, EndpointPolicyTest::dns);
    private final EndpointPolicy local = new EndpointPolicy(true, EndpointPolicyTest::dns);

    @Test
    void productionTakesHttpsToPublicAddressesOnly() {
        assertEquals(0, production.check("https://sis.district.org/hooks?x=1").size());
        assertRefused(production, "http://sis.district.org/hooks", "must use https");
        assertRefused(production, "https://localhost:8443/hooks", "loopback");
        assertRefused(production, "https://127.0.0.1/hooks", "loopback");
        assertRefused(production, "https://intranet.district.org/hooks", "10.1.2.3");
        assertRefused(production, "https://metadata.example/latest", "169.254.169.254");
        assertRefused(production, "https://v6.example/hooks", "internal");
        assertRefused(production, "https://mapped.example/hooks", "internal");
        assertRefused(production, "https://[::1]/hooks", "internal");
    }

    @Test
    void malformedUrlsAreRefused() {
        assertRefused(production, null, "required");
        assertRefused(production, " ", "required");
        assertRefused(production, "sis.district.org/hooks", "absolute");
        assertRefused(production, "ftp://sis.district.org/x", "must use https");
        assertRefused(production, "https://user:pw@sis.district.org/x", "credentials");
        assertRefused(production, "https://sis.district.org/x#frag", "fragment");
        assertRefused(production, "https://no-such-host.invalid/x", "does not resolve");
        assertRefused(production, "https://sis.district.org/" + "a".repeat(2000), "at most");
        assertRefused(production, "https://sis district.org/", "not a URL");
    }

    @Test
    void theLocalFlagAllowsHttpAndLoopback() {
        assertEquals(0, local.check("http://localhost:8089/hooks").size());
        assertEquals(0, local.check("http://127.0.0.1:8089/hooks").size());
        assertRefused(local, "ftp://localhost/x", "must use https or http");
    }

    @Test
    void publicAddressRanges() throws Exception {
        assertTrue(EndpointPolicy.isPublic(InetAddress.getByName("8.8.8.8")));
        assertTrue(EndpointPolicy.isPublic(InetAddress.getByName("2001:4860:4860::8888")));
        for (String internal : new String[]{"0.0.0.0", "10.0.0.1", "100.64.0.1", "127.0.0.2", "169.254.1.1", "172.16.0.1",
                "172.31.255.255", "192.168.0.1", "192.0.0.8", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::",
                "::1", "fe80::1", "fc00::1"}) {
            assertFalse(EndpointPolicy.isPublic(InetAddress.getByName(internal)), internal);
        }
        assertTrue(EndpointPolicy.isPublic(InetAddress.getByName("172.32.0.1")));
    }

    private static void assertRefused(EndpointPolicy policy, String url, String why) {
        var refusals = policy.check(url);
        assertFalse(refusals.isEmpty(), url + " should be refused");
        assertTrue(refusals.stream().anyMatch(r -> r.message().contains(why) && r.field().equals("url")),
                url + ": " + refusals);
    }
}
