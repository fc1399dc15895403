import Foundation

/// Settings for hosts that send headers: a `_headers` file (Netlify, Cloudflare Pages and others) and an nginx snippet.
enum HostConfig {
    static let securityHeaders: [(String, String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ]

    static let immutable = "public, max-age=31536000, immutable"

    static func headersFile(policy: String, site: Site) -> String {
        var text = "/*\n  Content-Security-Policy: \(policy)\n"
        for (name, value) in securityHeaders { text += "  \(name): \(value)\n" }
        for hashed in site.theme.hashedNames.values.sorted() {
            text += "\n\(site.config.root)/\(hashed)\n  Cache-Control: \(immutable)\n"
        }
        return text
    }

    /// A snippet to include inside nginx's `server { }` block whose root is the built site.
    /// Addresses from front matter are quoted, so no value of a page can add a directive.
    static func nginx(policy: String, site: Site) -> String {
        var text = """
        # Written by Baken. Include this file inside the server { } block whose root is this folder:
        #     root /var/www/site;
        #     include /var/www/site/nginx.conf;

        charset utf-8;
        charset_types text/css application/javascript application/json application/xml application/atom+xml image/svg+xml text/plain text/xml text/vcard;
        # Baken writes a .gz and a .br copy of every text file: gzip_static serves the first; with the
        # ngx_brotli module, add "brotli_static on;" for the second.
        gzip_static on;
        server_tokens off;
        # Redirects to folders (/normen → /normen/) keep the scheme and host the reader used, also behind a proxy.
        absolute_redirect off;
        add_header Content-Security-Policy "\(policy)" always;

        """
        for (name, value) in securityHeaders { text += "add_header \(name) \"\(value)\" always;\n" }
        text += """

        # Only the site is served: not this file, _headers, or hidden files.
        location ~ /(\\.|nginx\\.conf$|_headers$) { return 404; }
        # Types that nginx's mime.types lacks or names differently.
        location ~ /index\\.xml$ { types { } default_type application/atom+xml; }
        location ~ \\.vcf$ { types { } default_type text/vcard; }

        """
        // Theme files named by their content never change: a year in the cache. nginx drops the server's
        // add_header lines in a location that has its own, so they are repeated.
        text += "location ~ \"\\.[0-9a-f]{8}\\.(css|js)$\" {\n    add_header Cache-Control \"\(immutable)\" always;\n"
        text += "    add_header Content-Security-Policy \"\(policy)\" always;\n"
        for (name, value) in securityHeaders { text += "    add_header \(name) \"\(value)\" always;\n" }
        text += "}\n"
        text += "error_page 404 \(site.config.root)/404.html;\n"
        for language in site.config.languages where site.config.prefix(of: language.code) != "" && site.homes[language.code] != nil {
            let prefix = site.config.root + site.config.prefix(of: language.code)
            text += "location \(prefix)/ { error_page 404 \(prefix)/404.html; }\n"
        }
        if !site.aliases.isEmpty {
            text += "\n# Old addresses that lead to a page (aliases in front matter).\n"
            for alias in site.aliases {
                // nginx matches the decoded address; in `return`, a `$` would start a variable.
                let decoded = alias.url.removingPercentEncoding ?? alias.url
                let target = quoted(site.pages[alias.target].url.replacingOccurrences(of: "$", with: "%24"))
                for path in [decoded, String(decoded.dropLast())] where path.count > 1 {
                    text += "location = \(quoted(path)) { return 301 \(target); }\n"
                }
            }
        }
        return text
    }

    /// A string in nginx's configuration syntax, between double quotes.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
