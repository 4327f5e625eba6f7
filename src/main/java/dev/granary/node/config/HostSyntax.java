package dev.granary.node.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Syntax checks for hosts, shared by HOST:PORT and multiaddr values; nothing here touches DNS. */
final class HostSyntax {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");

    private HostSyntax() {
    }

    static boolean isIpv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(m.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String text) {
        // The character filter is what keeps InetAddress from ever treating the text as a name to resolve.
        if (!IPV6_CHARS.matcher(text).matches() || text.indexOf(':') < 0) {
            return false;
        }
        try {
            InetAddress.getByName("[" + text + "]");
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** RFC 1123 names; an all-numeric last label is only accepted as a dotted-quad IPv4 address. */
    static boolean isHostnameOrIpv4(String text) {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        boolean looksNumeric = labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9');
        return !looksNumeric || isIpv4(text);
    }

    /** @return the port, or -1 when the text is not a decimal number in 0..65535 */
    static int port(String text) {
        if (!DIGITS.matcher(text).matches()) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port <= 65535 ? port : -1;
    }
}
