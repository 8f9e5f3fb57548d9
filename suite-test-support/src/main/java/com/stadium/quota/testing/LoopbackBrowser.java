package com.stadium.quota.testing;

import java.io.IOException;
import java.net.HttpCookie;
import java.util.Date;

import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.Cookie;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * A headless browser (HtmlUnit) for pages served on this machine. Real browsers and Keycloak treat
 * http://127.0.0.1 and http://localhost as a secure context, so Keycloak marks its login cookies Secure and
 * SameSite=None; HtmlUnit would not send such cookies over http. For loopback addresses only, each cookie is
 * therefore kept as a plain one, as a browser on this machine would behave.
 */
public final class LoopbackBrowser {

    private LoopbackBrowser() {
    }

    public static WebClient open() {
        WebClient browser = new WebClient();
        browser.setCssErrorHandler(new SilentCssErrorHandler());
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setRedirectEnabled(true);
        new WebConnectionWrapper(browser) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                WebResponse response = super.getResponse(request);
                String host = request.getUrl().getHost();
                if (host.equals("127.0.0.1") || host.equals("localhost")) {
                    for (NameValuePair header : response.getResponseHeaders()) {
                        if (header.getName().equalsIgnoreCase("Set-Cookie")) {
                            keepAsPlainCookie(browser, host, header.getValue());
                        }
                    }
                }
                return response;
            }
        };
        return browser;
    }

    private static void keepAsPlainCookie(WebClient browser, String host, String setCookie) {
        for (HttpCookie parsed : HttpCookie.parse(setCookie)) {
            Date expires = parsed.getMaxAge() < 0 ? null
                    : new Date(System.currentTimeMillis() + parsed.getMaxAge() * 1000);
            Cookie cookie = new Cookie(host, parsed.getName(), parsed.getValue(),
                    parsed.getPath() == null ? "/" : parsed.getPath(), expires, false, parsed.isHttpOnly());
            if (parsed.getMaxAge() == 0) {
                browser.getCookieManager().removeCookie(cookie);
            } else {
                browser.getCookieManager().addCookie(cookie);
            }
        }
    }
}
