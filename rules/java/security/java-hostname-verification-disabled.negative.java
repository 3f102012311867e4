package com.example.http;

import java.util.Set;
import java.util.function.BiPredicate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;

public class PinnedHosts implements HostnameVerifier {
    private final HostnameVerifier delegate;
    private final Set<String> allowed;

    public PinnedHosts(HostnameVerifier delegate, Set<String> allowed) {
        this.delegate = delegate;
        this.allowed = allowed;
    }

    @Override
    public boolean verify(String hostname, SSLSession session) {
        return allowed.contains(hostname) && delegate.verify(hostname, session);
    }

    public BiPredicate<String, Integer> any() {
        return (a, b) -> b > 0;
    }
}
