package io.backline.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.backline.config.BacklineConfig;
import io.quarkus.runtime.Startup;

/**
 * The proxies whose {@code X-Request-Id} is believed ({@code backline.request-ids.trusted-proxies}): IP addresses or
 * CIDR blocks, none by default. Read at start, so a mistyped entry stops the start instead of trusting nobody quietly.
 */
@Startup
@Singleton
class TrustedProxies {
    /** Only what an IP address is written with: a host name here would be looked up in DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

    private final List<Block> blocks;

    @Inject
    TrustedProxies(BacklineConfig config) {
        this(config.requestIds().trustedProxies().orElse(List.of()));
    }

    TrustedProxies(List<String> entries) {
        this.blocks = entries.stream().map(String::strip).filter(entry -> !entry.isEmpty()).map(Block::parse).toList();
    }

    /** Whether the address a connection came from (as Vert.x writes it) is one of the proxies. */
    boolean contains(String peer) {
        if (peer == null || blocks.isEmpty() || !LITERAL.matcher(peer).matches()) {
            return false;
        }
        byte[] address;
        try {
            address = InetAddress.getByName(peer).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    private record Block(byte[] network, int prefix) {
        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network;
            try {
                if (!LITERAL.matcher(host).matches()) {
                    throw new UnknownHostException(host);
                }
                network = InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("backline.request-ids.trusted-proxies: " + entry
                        + " is not an IP address or CIDR block", e);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("backline.request-ids.trusted-proxies: " + entry
                        + " has a prefix out of range");
            }
            return new Block(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
