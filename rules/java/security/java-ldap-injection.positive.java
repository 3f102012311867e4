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
        // expect: java-ldap-injection
        String filter = "(&(objectClass=person)(uid=" + user + "))";
        return ctx.search("ou=people,dc=example,dc=com", filter, new SearchControls());
    }

    public NamingEnumeration<SearchResult> byMail(String mail) throws NamingException {
        // expect: java-ldap-injection
        return ctx.search("ou=people,dc=example,dc=com", "(mail=" + mail + ")", new SearchControls());
    }
}
