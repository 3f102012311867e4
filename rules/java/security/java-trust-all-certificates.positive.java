package com.example.http;

import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.http.ssl.SSLContextBuilder;

public class LenientTls {
    public SSLContext context() throws Exception {
        TrustManager[] trustAll = new TrustManager[] {
            new X509TrustManager() {
                // expect: java-trust-all-certificates
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                // expect: java-trust-all-certificates
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // accept everything
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustAll, null);
        return ctx;
    }

    public SSLContext apacheContext() throws Exception {
        return new SSLContextBuilder()
                // expect: java-trust-all-certificates
                .loadTrustMaterial(null, (chain, authType) -> true)
                .build();
    }
}
