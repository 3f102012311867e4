package com.example.orders;

import java.util.Objects;

public class StatusCheck {
    public boolean isActive(String status) {
        return "ACTIVE".equals(status);
    }

    public boolean needsReview(String region, String previous) {
        if (region == null || Objects.equals(region, previous)) {
            return false;
        }
        return region.length() == "EU".length();
    }
}
