package vn.ntm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NtmApplication {

	public static void main(String[] args) {
		SpringApplication.run(NtmApplication.class, args);
	}

}
