package dev.scimctl.training;

/** The Duo exports of the training run: a valid one of any size, and one with the common mistakes. */
final class SampleData {
    static final String TECHNICIAN_GROUP = "NinjaOne Technicians";
    private static final String HEADER = "username,email,firstname,lastname,realname,status,userType,organizationId,"
            + "group1,group2,notes\n";

    private SampleData() {
    }

    static String userName(int i) {
        return "user" + i;
    }

    /** The user's e-mail: NinjaOne's userName. */
    static String email(int i) {
        return userName(i) + "@example.com";
    }

    /**
     * {@code rows} valid users: technicians, end users of every organization ("All") and of one, a quoted note with a
     * comma, accented names.
     */
    static String users(int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            boolean technician = i % 10 == 1;
            String org = technician ? "" : i % 3 == 0 ? "All" : String.valueOf(100 + i % 5);
            String group = technician ? TECHNICIAN_GROUP : "Organization " + (100 + i % 5);
            String first = i % 7 == 0 ? "Zoë" : "First" + i;
            csv.append(userName(i)).append(',').append(userName(i)).append("@example.com,")
                    .append(first).append(",Last").append(i).append(',').append(first).append(" Last").append(i)
                    .append(",active,").append(technician ? "technician" : "endUser").append(',').append(org).append(',')
                    .append(group).append(',').append(i % 4 == 0 ? "Escalations" : "")
                    .append(i % 5 == 0 ? ",\"Nights, weekends\"" : ",").append('\n');
        }
        return csv.toString();
    }

    /** One row per common mistake, as validate's rules find them. */
    static String mistakes() {
        return HEADER
                + "amartin,alice.martin@example.com,Alice,Martin,Alice Martin,active,technician,,Techs,,fine\n"
                + "bkowalski,bartek@example.com,Bartek,Kowalski,Bartek Kowalski,active,TECHNICIAN,,Techs,,API spelling\n"
                + "cdubois,chloe@example.com,Chloé,Dubois,Chloé Dubois,active,technician,101,Techs,,tech with org\n"
                + "dnguyen,dan@example.com,Dan,Nguyen,Dan Nguyen,active,enduser,All,End Users,,wrong case\n"
                + "fgarcia,f.garcia@example.com,Fernando,García,Fernando García,active,manager,101,Dental,,no such type\n"
                + "gmuller,greta@contoso-dental,Greta,Müller,Greta Müller,active,endUser,101,Dental,,domain without dot\n"
                + "hsmith,Alice.Martin@example.com,Harriet,Smith,Harriet Smith,active,endUser,102,Law,,same e-mail\n"
                + "iokafor,ike@example.com,,Okafor,,active,endUser,102,Law,,empty first name\n"
                + "jlee,jin@example.com,,,Jin Lee,active,endUser,205,Labs,,only a realname\n"
                + "kbrown,kim@example.com,Kim,Brown ,Kim Brown,active,endUser,205,Labs,,trailing space\n"
                + "lwong,lena@example.com,Lena,Wong,Lena Wong,active,endUser,Tailspin Labs,Labs,,org name\n"
                + "mrossi,marco@example.com,Marco,Rossi,Marco Rossi,active,endUser,101;102,Dental,,two orgs\n"
                + "nkim,nari@example.com,Nari,Kim,Nari Kim,active,endUser,102.0,Law,,number format\n"
                + "opatel,omar@example.com,Omar,Patel,Omar Patel,active,endUser,102,Law,,comma, not quoted\n"
                + "\"qline\",\"q@example.com\",\"Multi\nLine\",Q,Q,active,endUser,102,Law,,quoted cells\n";
    }
}
