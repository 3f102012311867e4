package com.example.http;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import okhttp3.OkHttpClient;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

public class LenientHosts {
    static class AcceptAll implements HostnameVerifier {
        @Override
        // expect: java-hostname-verification-disabled
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    public void install() {
        // expect: java-hostname-verification-disabled
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
    }

    public OkHttpClient okHttp() {
        return new OkHttpClient.Builder()
                // expect: java-hostname-verification-disabled
                .hostnameVerifier((host, session) -> { return true; })
                .build();
    }

    public CloseableHttpClient apache() {
        return HttpClients.custom()
                // expect: java-hostname-verification-disabled
                .setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                .build();
    }
}
