package com.example.directory;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

public class UserDirectory {
    private final DirContext ctx;

    public UserDirectory(DirContext ctx) {
        this.ctx = ctx;
    }

    public NamingEnumeration<SearchResult> find(String user) throws NamingException {
        return ctx.search("ou=people,dc=example,dc=com", "(&(objectClass=person)(uid={0}))",
                new Object[] {user}, new SearchControls());
    }

    public String describe(String user) {
        String label = "(user " + user + ")";
        return label;
    }
}
