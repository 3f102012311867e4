package com.example.orders;

public class StatusCheck {
    public boolean isActive(String status) {
        // expect: java-string-reference-equality
        return status == "ACTIVE";
    }

    public boolean needsReview(String region) {
        // expect: java-string-reference-equality
        if ("EU" != region) {
            return false;
        }
        return true;
    }
}
